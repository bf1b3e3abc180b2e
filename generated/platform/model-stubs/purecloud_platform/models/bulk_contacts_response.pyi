from .bulk import BulkContactsResponse as BulkContactsResponse
