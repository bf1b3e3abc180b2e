from .predictor import PredictorModels as PredictorModels
