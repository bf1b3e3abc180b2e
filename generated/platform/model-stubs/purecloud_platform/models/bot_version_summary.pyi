from .bot import BotVersionSummary as BotVersionSummary
