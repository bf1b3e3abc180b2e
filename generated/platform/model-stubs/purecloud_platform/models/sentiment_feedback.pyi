from .sentiment import SentimentFeedback as SentimentFeedback
