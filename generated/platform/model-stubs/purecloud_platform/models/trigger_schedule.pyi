from .trigger import TriggerSchedule as TriggerSchedule
