from .twitter import TwitterOAuthSettings as TwitterOAuthSettings
