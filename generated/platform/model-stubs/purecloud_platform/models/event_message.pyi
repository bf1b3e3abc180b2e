from .event import EventMessage as EventMessage
