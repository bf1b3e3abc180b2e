from .insights import InsightsSummary as InsightsSummary
