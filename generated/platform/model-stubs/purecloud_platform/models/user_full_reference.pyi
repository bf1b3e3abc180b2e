from .user import UserFullReference as UserFullReference
