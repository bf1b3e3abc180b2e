from .bulk import BulkJob as BulkJob
