from .user import UserSearchRequest as UserSearchRequest
