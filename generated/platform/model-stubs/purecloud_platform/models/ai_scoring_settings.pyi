from .ai import AiScoringSettings as AiScoringSettings
