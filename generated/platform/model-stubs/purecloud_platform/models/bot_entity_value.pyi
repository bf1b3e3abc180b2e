from .bot import BotEntityValue as BotEntityValue
