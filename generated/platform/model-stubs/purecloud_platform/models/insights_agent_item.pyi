from .insights import InsightsAgentItem as InsightsAgentItem
