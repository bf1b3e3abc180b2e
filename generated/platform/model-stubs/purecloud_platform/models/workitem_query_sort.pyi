from .workitem import WorkitemQuerySort as WorkitemQuerySort
