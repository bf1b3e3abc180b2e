from .workitem import WorkitemSettings as WorkitemSettings
