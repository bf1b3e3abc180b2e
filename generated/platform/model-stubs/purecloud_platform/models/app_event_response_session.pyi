from .app import AppEventResponseSession as AppEventResponseSession
