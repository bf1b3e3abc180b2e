from .journey import JourneyContext as JourneyContext
