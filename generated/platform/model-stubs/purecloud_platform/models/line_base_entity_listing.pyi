from .line import LineBaseEntityListing as LineBaseEntityListing
