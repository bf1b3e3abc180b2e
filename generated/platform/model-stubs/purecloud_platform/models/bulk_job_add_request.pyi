from .bulk import BulkJobAddRequest as BulkJobAddRequest
