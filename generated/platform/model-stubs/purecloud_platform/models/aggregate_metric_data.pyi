from .aggregate import AggregateMetricData as AggregateMetricData
