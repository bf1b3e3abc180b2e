from .variable import VariableValidation as VariableValidation
