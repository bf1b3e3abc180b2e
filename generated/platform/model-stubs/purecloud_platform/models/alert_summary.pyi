from .alert import AlertSummary as AlertSummary
