from .user import UserAggregationQuery as UserAggregationQuery
