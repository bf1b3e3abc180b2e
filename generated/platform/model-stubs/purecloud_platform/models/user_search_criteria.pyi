from .user import UserSearchCriteria as UserSearchCriteria
