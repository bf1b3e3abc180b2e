from .workitem import WorkitemStatus as WorkitemStatus
