from .external import ExternalEvent as ExternalEvent
