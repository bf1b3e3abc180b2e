from .enrich import EnrichFieldRules as EnrichFieldRules
