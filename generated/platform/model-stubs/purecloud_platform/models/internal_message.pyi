from .internal import InternalMessage as InternalMessage
