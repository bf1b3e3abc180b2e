from .team import TeamActivityResponse as TeamActivityResponse
