from .phone import PhoneTransferEvent as PhoneTransferEvent
