from .policy import PolicyConditionResult as PolicyConditionResult
