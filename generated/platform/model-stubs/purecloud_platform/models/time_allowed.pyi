from .time import TimeAllowed as TimeAllowed
