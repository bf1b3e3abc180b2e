from .user import UserReferenceWithName as UserReferenceWithName
