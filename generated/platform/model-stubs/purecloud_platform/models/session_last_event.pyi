from .session import SessionLastEvent as SessionLastEvent
