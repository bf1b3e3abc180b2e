from .orphan import OrphanUpdateRequest as OrphanUpdateRequest
