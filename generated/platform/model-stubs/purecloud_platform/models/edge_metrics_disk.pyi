from .edge import EdgeMetricsDisk as EdgeMetricsDisk
