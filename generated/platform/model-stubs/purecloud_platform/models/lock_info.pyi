from .lock import LockInfo as LockInfo
