from .event import EventQueryResponse as EventQueryResponse
