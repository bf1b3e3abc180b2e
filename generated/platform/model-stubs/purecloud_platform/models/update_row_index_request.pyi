from .update import UpdateRowIndexRequest as UpdateRowIndexRequest
