from .fax import FaxSendRequest as FaxSendRequest
