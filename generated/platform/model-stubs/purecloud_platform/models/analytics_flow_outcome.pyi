from .analytics import AnalyticsFlowOutcome as AnalyticsFlowOutcome
