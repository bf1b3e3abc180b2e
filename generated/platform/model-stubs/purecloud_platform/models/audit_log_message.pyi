from .audit import AuditLogMessage as AuditLogMessage
