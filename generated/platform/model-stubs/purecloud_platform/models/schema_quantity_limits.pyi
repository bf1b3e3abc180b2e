from .schema import SchemaQuantityLimits as SchemaQuantityLimits
