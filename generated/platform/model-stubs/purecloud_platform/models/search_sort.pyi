from .search import SearchSort as SearchSort
