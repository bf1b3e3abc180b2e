from .journey import JourneyPage as JourneyPage
