from .email import EmailMessagePreview as EmailMessagePreview
