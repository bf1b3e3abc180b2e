from .policy import PolicyActions as PolicyActions
