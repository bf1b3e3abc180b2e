from .message import MessageData as MessageData
