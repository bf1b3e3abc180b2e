from .batch import BatchEventResponse as BatchEventResponse
