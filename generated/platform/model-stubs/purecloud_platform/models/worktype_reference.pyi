from .worktype import WorktypeReference as WorktypeReference
