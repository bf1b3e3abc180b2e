from .fax import FaxTopicWorkspaceData as FaxTopicWorkspaceData
