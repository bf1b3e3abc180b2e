from .bot import BotAggregationQuery as BotAggregationQuery
