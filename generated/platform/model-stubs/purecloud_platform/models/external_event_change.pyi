from .external import ExternalEventChange as ExternalEventChange
