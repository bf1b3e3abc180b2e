from .email import EmailSetting as EmailSetting
