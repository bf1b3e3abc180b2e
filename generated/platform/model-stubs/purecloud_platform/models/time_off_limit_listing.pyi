from .time import TimeOffLimitListing as TimeOffLimitListing
