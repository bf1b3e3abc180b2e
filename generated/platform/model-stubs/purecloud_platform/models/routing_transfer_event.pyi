from .routing import RoutingTransferEvent as RoutingTransferEvent
