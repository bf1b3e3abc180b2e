from .chat import ChatMessage as ChatMessage
