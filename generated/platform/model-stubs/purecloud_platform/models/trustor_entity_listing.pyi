from .trustor import TrustorEntityListing as TrustorEntityListing
