from .audit import AuditQueryRequest as AuditQueryRequest
