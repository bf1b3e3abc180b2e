from .sentiment import SentimentData as SentimentData
