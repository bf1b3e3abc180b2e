from .workitem import WorkitemQueryJobSort as WorkitemQueryJobSort
