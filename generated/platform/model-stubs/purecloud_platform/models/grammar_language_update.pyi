from .grammar import GrammarLanguageUpdate as GrammarLanguageUpdate
