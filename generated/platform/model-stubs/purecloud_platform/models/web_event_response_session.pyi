from .web import WebEventResponseSession as WebEventResponseSession
