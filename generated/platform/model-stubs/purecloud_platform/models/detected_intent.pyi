from .detected import DetectedIntent as DetectedIntent
