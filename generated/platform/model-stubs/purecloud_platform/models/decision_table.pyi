from .decision import DecisionTable as DecisionTable
