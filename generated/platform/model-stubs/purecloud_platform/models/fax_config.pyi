from .fax import FaxConfig as FaxConfig
