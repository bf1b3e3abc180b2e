from .objective import ObjectiveZone as ObjectiveZone
