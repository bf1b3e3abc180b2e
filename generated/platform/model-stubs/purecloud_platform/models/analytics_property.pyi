from .analytics import AnalyticsProperty as AnalyticsProperty
