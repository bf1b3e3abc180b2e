from .chat import ChatUserSettings as ChatUserSettings
