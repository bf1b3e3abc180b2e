from .v3 import V3SourceCreateRequest as V3SourceCreateRequest
