from .source import SourceSyncResponse as SourceSyncResponse
