from .third import ThirdPartySuggestion as ThirdPartySuggestion
