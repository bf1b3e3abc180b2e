from .action import ActionAggregationSort as ActionAggregationSort
