from .suggestion import SuggestionListing as SuggestionListing
