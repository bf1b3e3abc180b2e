from .did import DIDNumber as DIDNumber
