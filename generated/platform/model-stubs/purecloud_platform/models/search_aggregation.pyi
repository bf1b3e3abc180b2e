from .search import SearchAggregation as SearchAggregation
