from .user import UserAppEntityListing as UserAppEntityListing
