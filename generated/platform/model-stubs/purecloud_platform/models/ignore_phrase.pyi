from .ignore import IgnorePhrase as IgnorePhrase
