from .bot import BotList as BotList
