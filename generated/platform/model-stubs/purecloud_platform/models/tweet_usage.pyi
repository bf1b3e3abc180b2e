from .tweet import TweetUsage as TweetUsage
