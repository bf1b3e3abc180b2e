from .dnc import DncListCreate as DncListCreate
