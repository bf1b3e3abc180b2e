from .edge import EdgeMetricsNetwork as EdgeMetricsNetwork
