from .worktype import WorktypeQuerySort as WorktypeQuerySort
