from .action import ActionAggregationView as ActionAggregationView
