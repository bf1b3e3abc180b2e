from .bulk import BulkResponse as BulkResponse
