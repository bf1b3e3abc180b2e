from .time import TimeOffPlan as TimeOffPlan
