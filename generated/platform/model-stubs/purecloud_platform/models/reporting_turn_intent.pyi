from .reporting import ReportingTurnIntent as ReportingTurnIntent
