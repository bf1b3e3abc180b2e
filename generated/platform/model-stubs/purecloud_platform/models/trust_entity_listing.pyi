from .trust import TrustEntityListing as TrustEntityListing
