from .bot import BotChannel as BotChannel
