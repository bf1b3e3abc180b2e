from .bot import BotSummaryEntityListing as BotSummaryEntityListing
