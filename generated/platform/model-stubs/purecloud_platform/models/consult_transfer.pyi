from .consult import ConsultTransfer as ConsultTransfer
