from .reporting import ReportingTurnAction as ReportingTurnAction
