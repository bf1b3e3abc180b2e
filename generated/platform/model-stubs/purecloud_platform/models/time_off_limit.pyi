from .time import TimeOffLimit as TimeOffLimit
