from .journey import JourneyPattern as JourneyPattern
