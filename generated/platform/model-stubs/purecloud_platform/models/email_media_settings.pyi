from .email import EmailMediaSettings as EmailMediaSettings
