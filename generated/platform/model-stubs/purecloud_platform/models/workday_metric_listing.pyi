from .workday import WorkdayMetricListing as WorkdayMetricListing
