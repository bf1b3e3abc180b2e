from .bot import BotIntent as BotIntent
