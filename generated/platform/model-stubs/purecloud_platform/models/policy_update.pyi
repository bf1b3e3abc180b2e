from .policy import PolicyUpdate as PolicyUpdate
