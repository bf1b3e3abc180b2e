from .audit import AuditQueryResponse as AuditQueryResponse
