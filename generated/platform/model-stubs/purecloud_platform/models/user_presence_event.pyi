from .user import UserPresenceEvent as UserPresenceEvent
