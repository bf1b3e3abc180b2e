from .complex import ComplexVariableInfo as ComplexVariableInfo
