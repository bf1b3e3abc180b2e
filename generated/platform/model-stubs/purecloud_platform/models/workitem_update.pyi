from .workitem import WorkitemUpdate as WorkitemUpdate
