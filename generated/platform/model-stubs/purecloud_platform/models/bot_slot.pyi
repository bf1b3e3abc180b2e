from .bot import BotSlot as BotSlot
