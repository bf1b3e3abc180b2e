from .lex import LexIntent as LexIntent
