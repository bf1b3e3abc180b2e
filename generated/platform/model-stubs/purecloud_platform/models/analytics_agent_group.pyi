from .analytics import AnalyticsAgentGroup as AnalyticsAgentGroup
