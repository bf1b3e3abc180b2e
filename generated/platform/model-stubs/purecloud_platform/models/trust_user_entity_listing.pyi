from .trust import TrustUserEntityListing as TrustUserEntityListing
