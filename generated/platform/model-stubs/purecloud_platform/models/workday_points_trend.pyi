from .workday import WorkdayPointsTrend as WorkdayPointsTrend
