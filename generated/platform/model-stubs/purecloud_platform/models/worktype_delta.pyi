from .worktype import WorktypeDelta as WorktypeDelta
