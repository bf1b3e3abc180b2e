from .search import SearchUpdateRequest as SearchUpdateRequest
