from .bulk import BulkContactsRequest as BulkContactsRequest
