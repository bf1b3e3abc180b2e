from .trigger import TriggerEntityListing as TriggerEntityListing
