from .planning import PlanningGroupList as PlanningGroupList
