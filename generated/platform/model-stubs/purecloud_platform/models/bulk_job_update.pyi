from .bulk import BulkJobUpdate as BulkJobUpdate
