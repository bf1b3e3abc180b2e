from .workitem import WorkitemDelta as WorkitemDelta
