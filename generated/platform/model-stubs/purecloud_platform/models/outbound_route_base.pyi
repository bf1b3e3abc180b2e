from .outbound import OutboundRouteBase as OutboundRouteBase
