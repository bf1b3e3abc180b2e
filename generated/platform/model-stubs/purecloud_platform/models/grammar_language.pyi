from .grammar import GrammarLanguage as GrammarLanguage
