from .tag import TagQueryRequest as TagQueryRequest
