from .app import AppEventResponse as AppEventResponse
