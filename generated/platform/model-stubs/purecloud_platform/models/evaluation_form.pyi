from .evaluation import EvaluationForm as EvaluationForm
