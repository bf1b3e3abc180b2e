from .search import SearchCriteria as SearchCriteria
