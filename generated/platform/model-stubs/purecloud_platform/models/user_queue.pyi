from .user import UserQueue as UserQueue
