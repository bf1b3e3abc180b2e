from .routing import RoutingActivityData as RoutingActivityData
