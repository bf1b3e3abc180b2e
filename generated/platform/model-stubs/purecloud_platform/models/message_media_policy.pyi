from .message import MessageMediaPolicy as MessageMediaPolicy
