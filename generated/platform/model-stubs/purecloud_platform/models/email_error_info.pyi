from .email import EmailErrorInfo as EmailErrorInfo
