from .web import WebEventBrowser as WebEventBrowser
