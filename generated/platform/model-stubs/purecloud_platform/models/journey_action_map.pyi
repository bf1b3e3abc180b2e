from .journey import JourneyActionMap as JourneyActionMap
