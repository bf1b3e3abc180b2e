from .user import UserChatSettings as UserChatSettings
