from .journey import JourneyViewJob as JourneyViewJob
