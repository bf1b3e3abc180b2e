from .web import WebMessagingQuickReply as WebMessagingQuickReply
