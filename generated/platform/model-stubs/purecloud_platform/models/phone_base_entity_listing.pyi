from .phone import PhoneBaseEntityListing as PhoneBaseEntityListing
