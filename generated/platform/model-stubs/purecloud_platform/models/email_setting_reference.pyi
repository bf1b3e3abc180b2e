from .email import EmailSettingReference as EmailSettingReference
