from .chat import ChatMessageResponse as ChatMessageResponse
