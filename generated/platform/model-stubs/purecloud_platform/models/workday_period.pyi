from .workday import WorkdayPeriod as WorkdayPeriod
