from .routing import RoutingStatus as RoutingStatus
