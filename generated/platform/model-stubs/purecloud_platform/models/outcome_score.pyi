from .outcome import OutcomeScore as OutcomeScore
