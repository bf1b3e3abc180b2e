from .team import TeamSearchCriteria as TeamSearchCriteria
