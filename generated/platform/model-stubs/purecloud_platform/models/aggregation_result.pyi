from .aggregation import AggregationResult as AggregationResult
