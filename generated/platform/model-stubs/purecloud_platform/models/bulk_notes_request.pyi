from .bulk import BulkNotesRequest as BulkNotesRequest
