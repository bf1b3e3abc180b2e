from .flow import FlowAggregationSort as FlowAggregationSort
