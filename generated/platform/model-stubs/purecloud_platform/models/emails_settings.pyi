from .emails import EmailsSettings as EmailsSettings
