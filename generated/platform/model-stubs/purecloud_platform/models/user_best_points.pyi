from .user import UserBestPoints as UserBestPoints
