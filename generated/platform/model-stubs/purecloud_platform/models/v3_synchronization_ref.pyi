from .v3 import V3SynchronizationRef as V3SynchronizationRef
