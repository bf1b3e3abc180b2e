from .locale import LocaleHealth as LocaleHealth
