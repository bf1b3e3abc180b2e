from .email import EmailAttachment as EmailAttachment
