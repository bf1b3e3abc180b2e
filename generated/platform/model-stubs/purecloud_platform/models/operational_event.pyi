from .operational import OperationalEvent as OperationalEvent
