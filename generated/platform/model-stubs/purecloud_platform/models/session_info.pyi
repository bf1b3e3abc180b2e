from .session import SessionInfo as SessionInfo
