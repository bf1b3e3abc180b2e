from .predictor import PredictorModelBrief as PredictorModelBrief
