from .policy import PolicyConditions as PolicyConditions
