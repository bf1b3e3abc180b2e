from .inbound import InboundMessageRequest as InboundMessageRequest
