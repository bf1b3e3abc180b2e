from .line import LineEntityListing as LineEntityListing
