from .user import UserParam as UserParam
