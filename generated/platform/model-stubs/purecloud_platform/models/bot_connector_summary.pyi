from .bot import BotConnectorSummary as BotConnectorSummary
