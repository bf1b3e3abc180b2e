from .supported import SupportedLanguage as SupportedLanguage
