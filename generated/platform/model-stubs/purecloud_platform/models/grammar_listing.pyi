from .grammar import GrammarListing as GrammarListing
