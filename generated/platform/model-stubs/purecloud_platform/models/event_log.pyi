from .event import EventLog as EventLog
