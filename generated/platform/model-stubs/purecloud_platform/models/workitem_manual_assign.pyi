from .workitem import WorkitemManualAssign as WorkitemManualAssign
