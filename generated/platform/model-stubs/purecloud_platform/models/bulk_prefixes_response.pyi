from .bulk import BulkPrefixesResponse as BulkPrefixesResponse
