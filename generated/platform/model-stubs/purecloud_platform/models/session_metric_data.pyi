from .session import SessionMetricData as SessionMetricData
