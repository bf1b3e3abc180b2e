from .workitem import WorkitemTerminate as WorkitemTerminate
