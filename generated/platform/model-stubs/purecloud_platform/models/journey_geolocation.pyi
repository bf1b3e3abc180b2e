from .journey import JourneyGeolocation as JourneyGeolocation
