from .messenger import MessengerStyles as MessengerStyles
