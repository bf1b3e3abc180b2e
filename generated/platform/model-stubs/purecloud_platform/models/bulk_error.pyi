from .bulk import BulkError as BulkError
