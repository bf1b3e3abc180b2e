from .cached import CachedMediaItem as CachedMediaItem
