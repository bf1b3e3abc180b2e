from .insights import InsightsDetails as InsightsDetails
