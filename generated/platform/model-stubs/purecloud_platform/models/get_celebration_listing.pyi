from .get import GetCelebrationListing as GetCelebrationListing
