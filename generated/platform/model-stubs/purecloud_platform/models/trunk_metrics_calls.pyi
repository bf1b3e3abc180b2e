from .trunk import TrunkMetricsCalls as TrunkMetricsCalls
