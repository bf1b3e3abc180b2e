from .worktype import WorktypeUpdate as WorktypeUpdate
