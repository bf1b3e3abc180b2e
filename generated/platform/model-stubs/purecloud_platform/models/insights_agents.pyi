from .insights import InsightsAgents as InsightsAgents
