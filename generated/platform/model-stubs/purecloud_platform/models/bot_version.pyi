from .bot import BotVersion as BotVersion
