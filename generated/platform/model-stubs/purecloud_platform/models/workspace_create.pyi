from .workspace import WorkspaceCreate as WorkspaceCreate
