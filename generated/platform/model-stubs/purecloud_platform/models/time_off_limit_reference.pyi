from .time import TimeOffLimitReference as TimeOffLimitReference
