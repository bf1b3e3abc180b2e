from .journey import JourneyViewResultLink as JourneyViewResultLink
