from .user import UserPrimarySource as UserPrimarySource
