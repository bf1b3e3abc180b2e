from .user import UserProfile as UserProfile
