from .user import UserPresence as UserPresence
