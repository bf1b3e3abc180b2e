from .suggestion import SuggestionContext as SuggestionContext
