from .bulk import BulkNotesResponse as BulkNotesResponse
