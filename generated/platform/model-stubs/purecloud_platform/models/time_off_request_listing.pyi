from .time import TimeOffRequestListing as TimeOffRequestListing
