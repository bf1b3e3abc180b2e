from .outcome import OutcomeConfig as OutcomeConfig
