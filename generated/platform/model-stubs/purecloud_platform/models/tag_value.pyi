from .tag import TagValue as TagValue
