from .analytics import AnalyticsSession as AnalyticsSession
