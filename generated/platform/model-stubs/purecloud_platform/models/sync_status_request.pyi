from .sync import SyncStatusRequest as SyncStatusRequest
