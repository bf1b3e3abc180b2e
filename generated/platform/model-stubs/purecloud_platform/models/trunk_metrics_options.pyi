from .trunk import TrunkMetricsOptions as TrunkMetricsOptions
