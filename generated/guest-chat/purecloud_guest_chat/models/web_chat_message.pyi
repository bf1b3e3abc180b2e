from .web import WebChatMessage as WebChatMessage
