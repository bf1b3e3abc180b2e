from .search import SearchRequest as SearchRequest
