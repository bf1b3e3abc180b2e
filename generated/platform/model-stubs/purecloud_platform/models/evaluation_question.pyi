from .evaluation import EvaluationQuestion as EvaluationQuestion
