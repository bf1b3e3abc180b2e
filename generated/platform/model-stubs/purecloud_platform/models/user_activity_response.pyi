from .user import UserActivityResponse as UserActivityResponse
