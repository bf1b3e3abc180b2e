from .lex import LexBotAlias as LexBotAlias
