from .lex import LexV2Intent as LexV2Intent
