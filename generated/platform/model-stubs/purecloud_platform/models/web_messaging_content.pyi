from .web import WebMessagingContent as WebMessagingContent
