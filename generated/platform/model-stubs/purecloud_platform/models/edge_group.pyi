from .edge import EdgeGroup as EdgeGroup
