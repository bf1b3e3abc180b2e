from .flow import FlowAggregationQuery as FlowAggregationQuery
