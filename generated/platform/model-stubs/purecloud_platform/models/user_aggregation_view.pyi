from .user import UserAggregationView as UserAggregationView
