from .graph import GraphApiSettings as GraphApiSettings
