from .analytics import AnalyticsScoredAgent as AnalyticsScoredAgent
