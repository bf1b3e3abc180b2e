from .transfer import TransferRequest as TransferRequest
