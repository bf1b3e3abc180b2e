from .user import UserEstablishedEvent as UserEstablishedEvent
