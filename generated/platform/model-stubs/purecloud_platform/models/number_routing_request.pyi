from .number import NumberRoutingRequest as NumberRoutingRequest
