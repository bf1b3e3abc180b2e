from .bulk import BulkIdsRequest as BulkIdsRequest
