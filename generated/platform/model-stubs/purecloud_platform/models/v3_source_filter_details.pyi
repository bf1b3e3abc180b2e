from .v3 import V3SourceFilterDetails as V3SourceFilterDetails
