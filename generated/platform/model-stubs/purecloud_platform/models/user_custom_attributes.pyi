from .user import UserCustomAttributes as UserCustomAttributes
