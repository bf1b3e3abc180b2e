from .policy import PolicyCreate as PolicyCreate
