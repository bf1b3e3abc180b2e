from .user import UserActivityData as UserActivityData
