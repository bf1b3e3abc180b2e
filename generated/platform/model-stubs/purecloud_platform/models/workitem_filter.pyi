from .workitem import WorkitemFilter as WorkitemFilter
