from .bot import BotEntity as BotEntity
