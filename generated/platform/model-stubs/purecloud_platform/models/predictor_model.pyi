from .predictor import PredictorModel as PredictorModel
