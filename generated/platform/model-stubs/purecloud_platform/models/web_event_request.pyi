from .web import WebEventRequest as WebEventRequest
