from .message import MessageSticker as MessageSticker
