from .message import MessageDetails as MessageDetails
