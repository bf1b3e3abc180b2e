from .bulk import BulkJobAddResponse as BulkJobAddResponse
