from .chat import ChatReactionUpdate as ChatReactionUpdate
