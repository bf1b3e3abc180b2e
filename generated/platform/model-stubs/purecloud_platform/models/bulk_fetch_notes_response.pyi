from .bulk import BulkFetchNotesResponse as BulkFetchNotesResponse
