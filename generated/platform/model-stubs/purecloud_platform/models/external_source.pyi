from .external import ExternalSource as ExternalSource
