from .metric import MetricDefinition as MetricDefinition
