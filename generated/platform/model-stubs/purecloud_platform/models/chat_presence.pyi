from .chat import ChatPresence as ChatPresence
