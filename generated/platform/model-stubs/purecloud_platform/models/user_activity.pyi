from .user import UserActivity as UserActivity
