from .predictive import PredictiveRouting as PredictiveRouting
