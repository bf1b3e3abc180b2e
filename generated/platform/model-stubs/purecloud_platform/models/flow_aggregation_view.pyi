from .flow import FlowAggregationView as FlowAggregationView
