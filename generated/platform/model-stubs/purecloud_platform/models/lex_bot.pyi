from .lex import LexBot as LexBot
