from .user import UserTrendData as UserTrendData
