from .fax import FaxDocument as FaxDocument
