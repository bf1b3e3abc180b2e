from .preprocessing import PreprocessingRule as PreprocessingRule
