from .web import WebChatTyping as WebChatTyping
