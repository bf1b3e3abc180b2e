from .instagram import InstagramScopedId as InstagramScopedId
