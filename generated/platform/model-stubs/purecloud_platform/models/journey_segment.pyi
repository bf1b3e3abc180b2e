from .journey import JourneySegment as JourneySegment
