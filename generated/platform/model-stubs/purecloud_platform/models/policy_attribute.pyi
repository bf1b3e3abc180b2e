from .policy import PolicyAttribute as PolicyAttribute
