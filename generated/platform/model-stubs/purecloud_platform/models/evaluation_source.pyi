from .evaluation import EvaluationSource as EvaluationSource
