from .planning import PlanningGroupModel as PlanningGroupModel
