from .workitem import WorkitemStatusFilter as WorkitemStatusFilter
