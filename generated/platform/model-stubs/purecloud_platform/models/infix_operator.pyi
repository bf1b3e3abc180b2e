from .infix import InfixOperator as InfixOperator
