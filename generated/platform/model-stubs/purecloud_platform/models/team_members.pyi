from .team import TeamMembers as TeamMembers
