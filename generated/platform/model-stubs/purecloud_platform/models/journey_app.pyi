from .journey import JourneyApp as JourneyApp
