from .email import EmailSetup as EmailSetup
