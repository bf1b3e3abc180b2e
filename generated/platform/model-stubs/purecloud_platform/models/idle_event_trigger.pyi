from .idle import IdleEventTrigger as IdleEventTrigger
