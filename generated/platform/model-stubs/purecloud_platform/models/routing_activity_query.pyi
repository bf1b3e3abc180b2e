from .routing import RoutingActivityQuery as RoutingActivityQuery
