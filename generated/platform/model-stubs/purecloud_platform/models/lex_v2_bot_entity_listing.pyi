from .lex import LexV2BotEntityListing as LexV2BotEntityListing
