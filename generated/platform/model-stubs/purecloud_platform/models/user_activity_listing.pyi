from .user import UserActivityListing as UserActivityListing
