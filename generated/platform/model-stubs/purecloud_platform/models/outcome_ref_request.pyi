from .outcome import OutcomeRefRequest as OutcomeRefRequest
