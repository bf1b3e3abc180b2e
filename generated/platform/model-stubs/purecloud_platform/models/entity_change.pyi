from .entity import EntityChange as EntityChange
