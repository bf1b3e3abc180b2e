from .consult import ConsultTransferUpdate as ConsultTransferUpdate
