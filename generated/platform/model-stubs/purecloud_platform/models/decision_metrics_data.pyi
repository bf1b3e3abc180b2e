from .decision import DecisionMetricsData as DecisionMetricsData
