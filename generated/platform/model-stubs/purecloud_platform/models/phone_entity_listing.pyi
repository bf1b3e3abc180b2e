from .phone import PhoneEntityListing as PhoneEntityListing
