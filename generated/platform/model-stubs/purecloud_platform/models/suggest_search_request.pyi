from .suggest import SuggestSearchRequest as SuggestSearchRequest
