from .v3 import V3SynchronizationUpload as V3SynchronizationUpload
