from .cross import CrossPlatformPolicy as CrossPlatformPolicy
