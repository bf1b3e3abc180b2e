from .journey import JourneyViewListing as JourneyViewListing
