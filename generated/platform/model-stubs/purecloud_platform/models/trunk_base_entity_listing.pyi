from .trunk import TrunkBaseEntityListing as TrunkBaseEntityListing
