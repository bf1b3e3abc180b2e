from .user import UserStation as UserStation
