from .contest import ContestMetricScore as ContestMetricScore
