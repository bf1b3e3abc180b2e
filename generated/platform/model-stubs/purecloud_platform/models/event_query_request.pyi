from .event import EventQueryRequest as EventQueryRequest
