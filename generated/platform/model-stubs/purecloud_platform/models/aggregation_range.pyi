from .aggregation import AggregationRange as AggregationRange
