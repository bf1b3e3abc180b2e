from .workspace import WorkspaceSummary as WorkspaceSummary
