from .outcome import OutcomeRequest as OutcomeRequest
