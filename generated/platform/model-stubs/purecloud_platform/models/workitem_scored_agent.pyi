from .workitem import WorkitemScoredAgent as WorkitemScoredAgent
