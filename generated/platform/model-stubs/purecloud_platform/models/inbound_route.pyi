from .inbound import InboundRoute as InboundRoute
