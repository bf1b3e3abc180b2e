from .time import TimeOffRequestLookup as TimeOffRequestLookup
