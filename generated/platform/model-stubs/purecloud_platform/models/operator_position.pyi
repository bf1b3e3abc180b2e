from .operator import OperatorPosition as OperatorPosition
