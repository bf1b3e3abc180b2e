from .data import DataAction as DataAction
