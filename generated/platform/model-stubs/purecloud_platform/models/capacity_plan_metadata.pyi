from .capacity import CapacityPlanMetadata as CapacityPlanMetadata
