from .user import UserSearchRulePart as UserSearchRulePart
