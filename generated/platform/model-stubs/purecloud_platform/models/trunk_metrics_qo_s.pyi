from .trunk import TrunkMetricsQoS as TrunkMetricsQoS
