from .journey import JourneyViewJobListing as JourneyViewJobListing
