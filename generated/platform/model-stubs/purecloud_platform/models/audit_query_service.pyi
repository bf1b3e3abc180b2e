from .audit import AuditQueryService as AuditQueryService
