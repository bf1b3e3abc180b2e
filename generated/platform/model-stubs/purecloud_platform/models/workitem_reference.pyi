from .workitem import WorkitemReference as WorkitemReference
