from .match_ import MatchCriteria as MatchCriteria
