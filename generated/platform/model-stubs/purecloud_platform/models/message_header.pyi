from .message import MessageHeader as MessageHeader
