from .time import TimeInterval as TimeInterval
