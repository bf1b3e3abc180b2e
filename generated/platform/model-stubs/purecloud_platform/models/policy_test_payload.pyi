from .policy import PolicyTestPayload as PolicyTestPayload
