from .session import SessionMetaData as SessionMetaData
