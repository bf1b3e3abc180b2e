from .external import ExternalSegment as ExternalSegment
