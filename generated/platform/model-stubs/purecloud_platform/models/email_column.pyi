from .email import EmailColumn as EmailColumn
