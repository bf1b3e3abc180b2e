from .reporting import ReportingTurn as ReportingTurn
