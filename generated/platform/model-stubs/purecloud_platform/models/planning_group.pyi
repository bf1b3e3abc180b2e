from .planning import PlanningGroup as PlanningGroup
