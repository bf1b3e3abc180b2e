from .event import EventCondition as EventCondition
