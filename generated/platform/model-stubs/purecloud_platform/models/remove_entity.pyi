from .remove import RemoveEntity as RemoveEntity
