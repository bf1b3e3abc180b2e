from .workday import WorkdayMetric as WorkdayMetric
