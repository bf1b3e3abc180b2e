from .user import UserTransferEvent as UserTransferEvent
