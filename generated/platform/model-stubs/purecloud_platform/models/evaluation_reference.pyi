from .evaluation import EvaluationReference as EvaluationReference
