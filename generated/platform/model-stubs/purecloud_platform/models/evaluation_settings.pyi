from .evaluation import EvaluationSettings as EvaluationSettings
