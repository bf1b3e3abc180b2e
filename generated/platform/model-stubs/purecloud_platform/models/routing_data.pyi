from .routing import RoutingData as RoutingData
