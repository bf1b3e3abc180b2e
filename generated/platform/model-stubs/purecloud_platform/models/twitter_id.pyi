from .twitter import TwitterId as TwitterId
