from .entity import EntityReference as EntityReference
