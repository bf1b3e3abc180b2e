from .messenger import MessengerSettings as MessengerSettings
