from .session import SessionFiles as SessionFiles
