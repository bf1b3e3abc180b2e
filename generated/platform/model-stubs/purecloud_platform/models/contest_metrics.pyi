from .contest import ContestMetrics as ContestMetrics
