from .objective import ObjectiveTemplate as ObjectiveTemplate
