from .user import UserStations as UserStations
