from .policy import PolicyErrorMessage as PolicyErrorMessage
