from .email import EmailConfig as EmailConfig
