from .app import AppEvent as AppEvent
