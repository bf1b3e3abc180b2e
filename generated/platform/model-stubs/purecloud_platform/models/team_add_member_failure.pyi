from .team import TeamAddMemberFailure as TeamAddMemberFailure
