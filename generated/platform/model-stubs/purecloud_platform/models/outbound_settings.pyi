from .outbound import OutboundSettings as OutboundSettings
