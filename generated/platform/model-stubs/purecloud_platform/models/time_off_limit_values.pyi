from .time import TimeOffLimitValues as TimeOffLimitValues
