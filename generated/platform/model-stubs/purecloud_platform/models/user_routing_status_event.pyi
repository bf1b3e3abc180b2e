from .user import UserRoutingStatusEvent as UserRoutingStatusEvent
