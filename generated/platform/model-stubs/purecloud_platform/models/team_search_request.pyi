from .team import TeamSearchRequest as TeamSearchRequest
