from .capacity import CapacityPlanResponse as CapacityPlanResponse
