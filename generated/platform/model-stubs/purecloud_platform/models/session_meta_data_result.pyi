from .session import SessionMetaDataResult as SessionMetaDataResult
