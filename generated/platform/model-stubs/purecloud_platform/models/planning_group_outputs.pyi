from .planning import PlanningGroupOutputs as PlanningGroupOutputs
