from .user import UserMe as UserMe
