from .language import LanguageOverride as LanguageOverride
