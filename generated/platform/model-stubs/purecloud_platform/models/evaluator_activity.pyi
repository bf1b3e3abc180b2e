from .evaluator import EvaluatorActivity as EvaluatorActivity
