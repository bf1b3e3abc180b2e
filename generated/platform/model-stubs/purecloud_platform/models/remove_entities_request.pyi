from .remove import RemoveEntitiesRequest as RemoveEntitiesRequest
