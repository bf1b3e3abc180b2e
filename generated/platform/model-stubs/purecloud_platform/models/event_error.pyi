from .event import EventError as EventError
