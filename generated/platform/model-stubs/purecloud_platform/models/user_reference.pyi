from .user import UserReference as UserReference
