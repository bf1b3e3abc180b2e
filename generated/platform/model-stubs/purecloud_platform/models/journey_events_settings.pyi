from .journey import JourneyEventsSettings as JourneyEventsSettings
