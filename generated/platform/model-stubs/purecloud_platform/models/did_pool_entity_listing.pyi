from .did import DIDPoolEntityListing as DIDPoolEntityListing
