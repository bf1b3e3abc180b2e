from .message import MessageInfo as MessageInfo
