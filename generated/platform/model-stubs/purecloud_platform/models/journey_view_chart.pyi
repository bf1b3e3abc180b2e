from .journey import JourneyViewChart as JourneyViewChart
