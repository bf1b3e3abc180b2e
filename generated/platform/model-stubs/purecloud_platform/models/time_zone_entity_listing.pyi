from .time import TimeZoneEntityListing as TimeZoneEntityListing
