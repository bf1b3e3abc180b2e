from .policy import PolicyErrors as PolicyErrors
