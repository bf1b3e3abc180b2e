from .did import DIDNumberEntityListing as DIDNumberEntityListing
