from .audit import AuditQueryEntity as AuditQueryEntity
