from .bulk import BulkJobEntity as BulkJobEntity
