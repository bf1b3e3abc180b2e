from .bulk import BulkJobAddResult as BulkJobAddResult
