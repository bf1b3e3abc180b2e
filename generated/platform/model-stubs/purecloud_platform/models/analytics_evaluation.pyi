from .analytics import AnalyticsEvaluation as AnalyticsEvaluation
