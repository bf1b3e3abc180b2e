from .ai import AiAnswer as AiAnswer
