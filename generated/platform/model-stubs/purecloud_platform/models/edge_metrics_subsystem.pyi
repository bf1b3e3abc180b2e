from .edge import EdgeMetricsSubsystem as EdgeMetricsSubsystem
