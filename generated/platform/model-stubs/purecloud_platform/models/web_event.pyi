from .web import WebEvent as WebEvent
