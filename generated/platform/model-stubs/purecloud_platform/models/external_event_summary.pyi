from .external import ExternalEventSummary as ExternalEventSummary
