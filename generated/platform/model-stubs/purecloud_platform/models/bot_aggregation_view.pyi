from .bot import BotAggregationView as BotAggregationView
