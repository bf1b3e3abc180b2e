from .dnc import DncListEntityListing as DncListEntityListing
