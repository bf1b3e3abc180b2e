from .consult import ConsultTransferEvent as ConsultTransferEvent
