from .journey import JourneySegmentRequest as JourneySegmentRequest
