from .chat import ChatUserRef as ChatUserRef
