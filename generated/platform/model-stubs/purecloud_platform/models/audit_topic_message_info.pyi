from .audit import AuditTopicMessageInfo as AuditTopicMessageInfo
