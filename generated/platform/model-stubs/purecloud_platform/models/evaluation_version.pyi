from .evaluation import EvaluationVersion as EvaluationVersion
