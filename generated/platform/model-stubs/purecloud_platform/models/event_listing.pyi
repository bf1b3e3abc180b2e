from .event import EventListing as EventListing
