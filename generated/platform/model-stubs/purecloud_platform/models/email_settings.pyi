from .email import EmailSettings as EmailSettings
