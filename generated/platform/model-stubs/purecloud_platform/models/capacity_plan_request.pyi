from .capacity import CapacityPlanRequest as CapacityPlanRequest
