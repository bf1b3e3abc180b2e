from .decision import DecisionTableRow as DecisionTableRow
