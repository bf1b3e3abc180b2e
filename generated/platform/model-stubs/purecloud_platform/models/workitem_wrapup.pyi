from .workitem import WorkitemWrapup as WorkitemWrapup
