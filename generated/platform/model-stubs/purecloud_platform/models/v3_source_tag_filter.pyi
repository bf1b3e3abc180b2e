from .v3 import V3SourceTagFilter as V3SourceTagFilter
