from .alerting import AlertingUnreadStatus as AlertingUnreadStatus
