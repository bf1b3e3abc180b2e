from .bot import BotAggregateQueryFilter as BotAggregateQueryFilter
