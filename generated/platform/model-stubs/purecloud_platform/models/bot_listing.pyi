from .bot import BotListing as BotListing
