from .achieved import AchievedOutcome as AchievedOutcome
