from .audit import AuditQuerySort as AuditQuerySort
