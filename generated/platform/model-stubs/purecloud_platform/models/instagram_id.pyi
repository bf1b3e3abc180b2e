from .instagram import InstagramId as InstagramId
