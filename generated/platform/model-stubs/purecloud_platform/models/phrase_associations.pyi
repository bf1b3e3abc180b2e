from .phrase import PhraseAssociations as PhraseAssociations
