from .chat import ChatMessageUser as ChatMessageUser
