from .bulk import BulkPrefixesRequest as BulkPrefixesRequest
