from .operand import OperandPosition as OperandPosition
