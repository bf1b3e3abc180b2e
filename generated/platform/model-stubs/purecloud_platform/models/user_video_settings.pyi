from .user import UserVideoSettings as UserVideoSettings
