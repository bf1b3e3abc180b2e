from .v3 import V3Synchronization as V3Synchronization
