from .web import WebEventDevice as WebEventDevice
