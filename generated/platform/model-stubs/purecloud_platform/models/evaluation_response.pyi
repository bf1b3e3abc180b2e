from .evaluation import EvaluationResponse as EvaluationResponse
