from .user import UserSearchRule as UserSearchRule
