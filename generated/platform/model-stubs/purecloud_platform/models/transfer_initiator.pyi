from .transfer import TransferInitiator as TransferInitiator
