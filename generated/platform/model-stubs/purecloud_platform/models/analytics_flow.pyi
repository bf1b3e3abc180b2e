from .analytics import AnalyticsFlow as AnalyticsFlow
