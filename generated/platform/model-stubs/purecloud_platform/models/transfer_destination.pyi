from .transfer import TransferDestination as TransferDestination
