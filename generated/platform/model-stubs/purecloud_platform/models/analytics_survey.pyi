from .analytics import AnalyticsSurvey as AnalyticsSurvey
