from .tag import TagValueEntityListing as TagValueEntityListing
