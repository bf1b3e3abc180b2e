from .duration import DurationCondition as DurationCondition
