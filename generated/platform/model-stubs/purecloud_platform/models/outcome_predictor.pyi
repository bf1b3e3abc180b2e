from .outcome import OutcomePredictor as OutcomePredictor
