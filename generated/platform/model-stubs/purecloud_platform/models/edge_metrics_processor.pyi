from .edge import EdgeMetricsProcessor as EdgeMetricsProcessor
