from .journey import JourneyViewResult as JourneyViewResult
