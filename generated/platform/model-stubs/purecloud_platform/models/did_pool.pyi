from .did import DIDPool as DIDPool
