from .analytics import AnalyticsResolution as AnalyticsResolution
