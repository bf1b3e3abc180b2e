from .bulk import BulkResults as BulkResults
