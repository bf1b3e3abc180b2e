from .shared import SharedEntity as SharedEntity
