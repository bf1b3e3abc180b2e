from .edge import EdgeMetricsMemory as EdgeMetricsMemory
