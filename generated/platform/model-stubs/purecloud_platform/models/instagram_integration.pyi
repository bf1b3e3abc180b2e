from .instagram import InstagramIntegration as InstagramIntegration
