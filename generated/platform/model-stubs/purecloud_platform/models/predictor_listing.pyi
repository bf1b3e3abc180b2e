from .predictor import PredictorListing as PredictorListing
