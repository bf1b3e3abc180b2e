from .message import MessageMediaData as MessageMediaData
