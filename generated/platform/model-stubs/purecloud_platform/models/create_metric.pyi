from .create import CreateMetric as CreateMetric
