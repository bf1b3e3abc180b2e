from .time import TimeOffLimitRange as TimeOffLimitRange
