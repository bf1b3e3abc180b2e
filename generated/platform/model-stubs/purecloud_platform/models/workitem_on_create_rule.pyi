from .workitem import WorkitemOnCreateRule as WorkitemOnCreateRule
