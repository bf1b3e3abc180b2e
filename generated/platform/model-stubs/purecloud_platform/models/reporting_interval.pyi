from .reporting import ReportingInterval as ReportingInterval
