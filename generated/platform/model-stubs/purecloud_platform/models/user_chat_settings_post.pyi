from .user import UserChatSettingsPost as UserChatSettingsPost
