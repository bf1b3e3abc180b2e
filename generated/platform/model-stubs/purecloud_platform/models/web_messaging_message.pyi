from .web import WebMessagingMessage as WebMessagingMessage
