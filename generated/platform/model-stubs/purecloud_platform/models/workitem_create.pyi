from .workitem import WorkitemCreate as WorkitemCreate
