from .sentiment import SentimentInsights as SentimentInsights
