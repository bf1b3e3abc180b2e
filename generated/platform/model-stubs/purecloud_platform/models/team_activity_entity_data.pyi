from .team import TeamActivityEntityData as TeamActivityEntityData
