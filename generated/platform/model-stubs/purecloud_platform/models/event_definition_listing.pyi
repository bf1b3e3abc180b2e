from .event import EventDefinitionListing as EventDefinitionListing
