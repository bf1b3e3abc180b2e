from .writable import WritableEntity as WritableEntity
