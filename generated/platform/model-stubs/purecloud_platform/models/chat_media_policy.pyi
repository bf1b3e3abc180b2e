from .chat import ChatMediaPolicy as ChatMediaPolicy
