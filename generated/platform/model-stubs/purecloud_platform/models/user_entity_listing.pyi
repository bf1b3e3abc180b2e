from .user import UserEntityListing as UserEntityListing
