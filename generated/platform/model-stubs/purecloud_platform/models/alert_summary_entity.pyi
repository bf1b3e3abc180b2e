from .alert import AlertSummaryEntity as AlertSummaryEntity
