from .email import EmailMessage as EmailMessage
