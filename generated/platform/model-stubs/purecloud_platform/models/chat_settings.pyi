from .chat import ChatSettings as ChatSettings
