from .worktype import WorktypeCreate as WorktypeCreate
