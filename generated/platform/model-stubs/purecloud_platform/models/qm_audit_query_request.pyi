from .qm import QMAuditQueryRequest as QMAuditQueryRequest
