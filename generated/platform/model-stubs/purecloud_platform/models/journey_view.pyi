from .journey import JourneyView as JourneyView
