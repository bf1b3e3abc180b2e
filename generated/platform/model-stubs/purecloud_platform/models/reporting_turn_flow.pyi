from .reporting import ReportingTurnFlow as ReportingTurnFlow
