from .team import TeamReference as TeamReference
