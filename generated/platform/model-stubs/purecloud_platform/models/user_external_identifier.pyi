from .user import UserExternalIdentifier as UserExternalIdentifier
