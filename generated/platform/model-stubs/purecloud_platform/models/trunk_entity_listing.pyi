from .trunk import TrunkEntityListing as TrunkEntityListing
