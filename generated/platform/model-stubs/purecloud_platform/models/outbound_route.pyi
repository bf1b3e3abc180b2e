from .outbound import OutboundRoute as OutboundRoute
