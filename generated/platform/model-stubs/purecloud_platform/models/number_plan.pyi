from .number import NumberPlan as NumberPlan
