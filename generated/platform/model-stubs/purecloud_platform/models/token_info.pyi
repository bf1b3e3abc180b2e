from .token import TokenInfo as TokenInfo
