from .team import TeamActivityQuery as TeamActivityQuery
