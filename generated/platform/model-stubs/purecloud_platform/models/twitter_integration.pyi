from .twitter import TwitterIntegration as TwitterIntegration
