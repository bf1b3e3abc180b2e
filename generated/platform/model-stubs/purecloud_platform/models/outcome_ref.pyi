from .outcome import OutcomeRef as OutcomeRef
