from .workday import WorkdayValuesTrend as WorkdayValuesTrend
