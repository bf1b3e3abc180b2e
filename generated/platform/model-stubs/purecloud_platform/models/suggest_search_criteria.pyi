from .suggest import SuggestSearchCriteria as SuggestSearchCriteria
