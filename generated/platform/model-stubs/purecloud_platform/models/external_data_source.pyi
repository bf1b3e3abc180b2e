from .external import ExternalDataSource as ExternalDataSource
