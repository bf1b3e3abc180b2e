from .audit import AuditQueryFilter as AuditQueryFilter
