from .messenger import MessengerHomeScreen as MessengerHomeScreen
