from .outcome import OutcomeAchievement as OutcomeAchievement
