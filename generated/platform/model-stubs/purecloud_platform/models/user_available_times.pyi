from .user import UserAvailableTimes as UserAvailableTimes
