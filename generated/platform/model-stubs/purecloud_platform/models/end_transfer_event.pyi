from .end import EndTransferEvent as EndTransferEvent
