from .chat import ChatItem as ChatItem
