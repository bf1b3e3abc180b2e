from .bot import BotMessengerProfile as BotMessengerProfile
