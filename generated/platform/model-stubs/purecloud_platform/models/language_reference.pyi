from .language import LanguageReference as LanguageReference
