from .workitem import WorkitemCommonCreate as WorkitemCommonCreate
