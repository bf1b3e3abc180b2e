from .phrase import PhraseTranslation as PhraseTranslation
