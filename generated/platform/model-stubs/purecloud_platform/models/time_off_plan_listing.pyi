from .time import TimeOffPlanListing as TimeOffPlanListing
