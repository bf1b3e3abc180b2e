from .lex import LexV2BotAlias as LexV2BotAlias
