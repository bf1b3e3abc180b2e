from .email import EmailConversation as EmailConversation
