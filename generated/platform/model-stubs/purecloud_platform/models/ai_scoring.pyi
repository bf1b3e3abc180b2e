from .ai import AiScoring as AiScoring
