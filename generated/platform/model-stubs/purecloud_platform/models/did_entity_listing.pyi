from .did import DIDEntityListing as DIDEntityListing
