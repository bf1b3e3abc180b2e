from .lex import LexBotEntityListing as LexBotEntityListing
