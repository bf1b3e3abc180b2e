from .entity import EntityTypeCriteria as EntityTypeCriteria
