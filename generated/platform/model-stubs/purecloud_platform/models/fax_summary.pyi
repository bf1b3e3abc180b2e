from .fax import FaxSummary as FaxSummary
