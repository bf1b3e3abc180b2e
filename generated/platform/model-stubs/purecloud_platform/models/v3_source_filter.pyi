from .v3 import V3SourceFilter as V3SourceFilter
