from .transfer import TransferResponse as TransferResponse
