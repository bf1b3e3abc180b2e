from .bot import BotAggregationSort as BotAggregationSort
