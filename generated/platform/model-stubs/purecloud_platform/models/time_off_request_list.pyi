from .time import TimeOffRequestList as TimeOffRequestList
