from .inbound import InboundDomain as InboundDomain
