from .v3 import V3SourceUpdateRequest as V3SourceUpdateRequest
