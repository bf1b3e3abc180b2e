from .scheduling import SchedulingPeriod as SchedulingPeriod
