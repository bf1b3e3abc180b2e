from .email import EmailEndTransferEvent as EmailEndTransferEvent
