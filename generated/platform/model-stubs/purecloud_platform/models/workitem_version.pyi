from .workitem import WorkitemVersion as WorkitemVersion
