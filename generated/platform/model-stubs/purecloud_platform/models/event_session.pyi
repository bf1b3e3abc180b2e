from .event import EventSession as EventSession
