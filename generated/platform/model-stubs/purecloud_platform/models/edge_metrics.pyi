from .edge import EdgeMetrics as EdgeMetrics
