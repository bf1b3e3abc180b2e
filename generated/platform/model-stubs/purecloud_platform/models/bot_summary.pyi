from .bot import BotSummary as BotSummary
