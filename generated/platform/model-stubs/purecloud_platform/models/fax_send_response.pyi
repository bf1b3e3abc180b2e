from .fax import FaxSendResponse as FaxSendResponse
