from .card import CardParameters as CardParameters
