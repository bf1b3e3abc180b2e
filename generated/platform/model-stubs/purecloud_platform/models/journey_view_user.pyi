from .journey import JourneyViewUser as JourneyViewUser
