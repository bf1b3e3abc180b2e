from .bot import BotConnectorIntent as BotConnectorIntent
