from .user import UserApp as UserApp
