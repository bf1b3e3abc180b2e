from .chat import ChatReaction as ChatReaction
