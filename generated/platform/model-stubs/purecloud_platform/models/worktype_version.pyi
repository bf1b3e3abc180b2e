from .worktype import WorktypeVersion as WorktypeVersion
