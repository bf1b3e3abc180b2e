from .bulk import BulkDeleteResponse as BulkDeleteResponse
