from .email import EmailMessageReply as EmailMessageReply
