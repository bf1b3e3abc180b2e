from .lex import LexV2Slot as LexV2Slot
