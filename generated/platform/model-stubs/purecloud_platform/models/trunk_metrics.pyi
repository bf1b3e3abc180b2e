from .trunk import TrunkMetrics as TrunkMetrics
