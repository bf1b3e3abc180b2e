from .outcome import OutcomeAchievedEvent as OutcomeAchievedEvent
