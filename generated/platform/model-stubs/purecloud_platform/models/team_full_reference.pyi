from .team import TeamFullReference as TeamFullReference
