from .contest import ContestDataMetrics as ContestDataMetrics
