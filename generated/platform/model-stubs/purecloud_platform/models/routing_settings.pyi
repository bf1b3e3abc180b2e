from .routing import RoutingSettings as RoutingSettings
