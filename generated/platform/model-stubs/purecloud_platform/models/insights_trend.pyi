from .insights import InsightsTrend as InsightsTrend
