from .header import HeaderEntry as HeaderEntry
