from .outcome import OutcomeScoresResult as OutcomeScoresResult
