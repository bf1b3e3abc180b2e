from .web import WebActionEvent as WebActionEvent
