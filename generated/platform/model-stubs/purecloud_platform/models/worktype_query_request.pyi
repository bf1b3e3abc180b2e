from .worktype import WorktypeQueryRequest as WorktypeQueryRequest
