from .messenger import MessengerApps as MessengerApps
