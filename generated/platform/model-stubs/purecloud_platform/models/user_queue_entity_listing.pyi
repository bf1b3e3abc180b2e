from .user import UserQueueEntityListing as UserQueueEntityListing
