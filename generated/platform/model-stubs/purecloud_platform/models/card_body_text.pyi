from .card import CardBodyText as CardBodyText
