from .email import EmailAddress as EmailAddress
