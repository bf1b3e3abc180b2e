from .web import WebMessagingEvent as WebMessagingEvent
