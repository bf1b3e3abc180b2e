from .email import EmailThreadingSettings as EmailThreadingSettings
