from .insights import InsightsTrends as InsightsTrends
