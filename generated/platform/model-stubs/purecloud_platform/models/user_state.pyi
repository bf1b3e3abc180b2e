from .user import UserState as UserState
