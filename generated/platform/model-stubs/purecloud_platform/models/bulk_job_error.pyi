from .bulk import BulkJobError as BulkJobError
