from .workitem import WorkitemStatusUpdate as WorkitemStatusUpdate
