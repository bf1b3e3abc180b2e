from .knowledge import KnowledgeSyncRequest as KnowledgeSyncRequest
