from .card import CardAction as CardAction
