from .locale import LocaleInfo as LocaleInfo
