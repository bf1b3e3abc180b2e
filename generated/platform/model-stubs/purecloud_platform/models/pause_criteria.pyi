from .pause import PauseCriteria as PauseCriteria
