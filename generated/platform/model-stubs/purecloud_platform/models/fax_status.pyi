from .fax import FaxStatus as FaxStatus
