from .routing import RoutingRule as RoutingRule
