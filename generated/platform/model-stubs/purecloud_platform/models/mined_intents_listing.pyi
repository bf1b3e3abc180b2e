from .mined import MinedIntentsListing as MinedIntentsListing
