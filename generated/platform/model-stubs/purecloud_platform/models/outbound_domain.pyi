from .outbound import OutboundDomain as OutboundDomain
