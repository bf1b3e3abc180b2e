from .bot import BotSearchResponse as BotSearchResponse
