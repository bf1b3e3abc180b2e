from .workitem import WorkitemStatusCreate as WorkitemStatusCreate
