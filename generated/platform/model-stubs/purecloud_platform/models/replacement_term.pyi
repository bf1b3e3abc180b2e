from .replacement import ReplacementTerm as ReplacementTerm
