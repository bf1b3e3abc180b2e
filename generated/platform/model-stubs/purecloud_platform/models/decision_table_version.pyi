from .decision import DecisionTableVersion as DecisionTableVersion
