from .graph import GraphSettings as GraphSettings
