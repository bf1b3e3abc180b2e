from .capacity import CapacityPlanListItem as CapacityPlanListItem
