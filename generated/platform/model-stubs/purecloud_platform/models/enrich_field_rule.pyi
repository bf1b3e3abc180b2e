from .enrich import EnrichFieldRule as EnrichFieldRule
