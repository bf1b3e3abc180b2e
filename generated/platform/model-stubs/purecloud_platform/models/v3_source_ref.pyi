from .v3 import V3SourceRef as V3SourceRef
