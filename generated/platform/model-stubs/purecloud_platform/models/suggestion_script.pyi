from .suggestion import SuggestionScript as SuggestionScript
