from .email import EmailUserTransferEvent as EmailUserTransferEvent
