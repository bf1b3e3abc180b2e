from .analytics import AnalyticsUserDetail as AnalyticsUserDetail
