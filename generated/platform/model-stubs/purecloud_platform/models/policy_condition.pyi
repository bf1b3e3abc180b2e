from .policy import PolicyCondition as PolicyCondition
