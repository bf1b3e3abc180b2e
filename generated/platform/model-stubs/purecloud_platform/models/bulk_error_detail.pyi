from .bulk import BulkErrorDetail as BulkErrorDetail
