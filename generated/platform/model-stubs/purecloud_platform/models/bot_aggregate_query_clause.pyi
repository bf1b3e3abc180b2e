from .bot import BotAggregateQueryClause as BotAggregateQueryClause
