from .team import TeamActivityData as TeamActivityData
