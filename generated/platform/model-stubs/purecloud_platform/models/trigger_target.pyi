from .trigger import TriggerTarget as TriggerTarget
