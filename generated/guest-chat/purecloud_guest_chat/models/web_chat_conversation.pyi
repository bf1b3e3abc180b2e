from .web import WebChatConversation as WebChatConversation
