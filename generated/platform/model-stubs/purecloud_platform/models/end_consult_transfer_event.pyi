from .end import EndConsultTransferEvent as EndConsultTransferEvent
