from .user import UserSettingsForChat as UserSettingsForChat
