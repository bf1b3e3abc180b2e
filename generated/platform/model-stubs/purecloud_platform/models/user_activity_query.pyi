from .user import UserActivityQuery as UserActivityQuery
