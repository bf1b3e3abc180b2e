from .event import EventDefinition as EventDefinition
