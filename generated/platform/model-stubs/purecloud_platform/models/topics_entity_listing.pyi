from .topics import TopicsEntityListing as TopicsEntityListing
