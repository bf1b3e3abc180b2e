from .web import WebEventResponse as WebEventResponse
