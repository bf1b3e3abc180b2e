from .workitem import WorkitemWrapupUpdate as WorkitemWrapupUpdate
