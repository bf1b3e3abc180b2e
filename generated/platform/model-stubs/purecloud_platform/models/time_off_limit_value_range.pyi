from .time import TimeOffLimitValueRange as TimeOffLimitValueRange
