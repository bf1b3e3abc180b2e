from .journey import JourneyViewLink as JourneyViewLink
