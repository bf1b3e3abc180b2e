from .app import AppEventRequest as AppEventRequest
