from .trunk import TrunkMetricsRegisters as TrunkMetricsRegisters
