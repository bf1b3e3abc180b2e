from .bulk import BulkResult as BulkResult
