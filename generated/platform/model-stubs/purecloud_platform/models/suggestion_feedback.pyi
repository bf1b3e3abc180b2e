from .suggestion import SuggestionFeedback as SuggestionFeedback
