from .outbound import OutboundFaxStatus as OutboundFaxStatus
