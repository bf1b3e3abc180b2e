from .user import UserBestPointsItem as UserBestPointsItem
