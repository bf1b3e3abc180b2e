from .event import EventAction as EventAction
