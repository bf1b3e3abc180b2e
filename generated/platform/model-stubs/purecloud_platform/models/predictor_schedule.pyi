from .predictor import PredictorSchedule as PredictorSchedule
