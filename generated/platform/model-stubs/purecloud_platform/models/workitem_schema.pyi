from .workitem import WorkitemSchema as WorkitemSchema
