from .journey import JourneyViewElement as JourneyViewElement
