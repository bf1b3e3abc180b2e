from .bulk import BulkJobTerminateResult as BulkJobTerminateResult
