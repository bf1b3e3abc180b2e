from .bot import BotConnectorBotVersion as BotConnectorBotVersion
