from .policy import PolicyUser as PolicyUser
