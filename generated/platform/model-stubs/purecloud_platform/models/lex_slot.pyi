from .lex import LexSlot as LexSlot
