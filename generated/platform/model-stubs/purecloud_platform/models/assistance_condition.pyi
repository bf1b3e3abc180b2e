from .assistance import AssistanceCondition as AssistanceCondition
