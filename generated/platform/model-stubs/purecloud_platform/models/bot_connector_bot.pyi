from .bot import BotConnectorBot as BotConnectorBot
