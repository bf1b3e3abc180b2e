from .insights import InsightsRankings as InsightsRankings
