from .prediction import PredictionResults as PredictionResults
