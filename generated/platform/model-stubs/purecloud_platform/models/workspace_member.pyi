from .workspace import WorkspaceMember as WorkspaceMember
