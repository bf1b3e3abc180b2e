from .lex import LexV2Bot as LexV2Bot
