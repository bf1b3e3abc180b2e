from .ai import AiScoringSetting as AiScoringSetting
